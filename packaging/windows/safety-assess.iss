; Inno Setup script: a per-user Windows installer for the one-folder build in dist\safety-assess.
; Build the folder on Windows with the same spec, then compile this script:
;   pyinstaller --noconfirm --distpath dist --workpath build\pyinstaller packaging\safety-assess.spec
;   iscc packaging\windows\safety-assess.iss
; The installer lands in dist\installer. The user's data folder (%LOCALAPPDATA%\safety-assess) is never touched by
; install, update or uninstall.

#define AppName "Safety Assess"
#define AppVersion GetEnv("SAFETY_ASSESS_VERSION")
#if AppVersion == ""
  #define AppVersion "0.1.0"
#endif

[Setup]
AppId={{6C0B7B1E-5A4F-4E59-9D0B-5AFEA55E0001}
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher=Safety Assess
DefaultDirName={localappdata}\Programs\Safety Assess
DefaultGroupName={#AppName}
PrivilegesRequired=lowest
OutputDir=..\..\dist\installer
OutputBaseFilename=safety-assess-{#AppVersion}-setup
SetupIconFile=..\..\resources\icons\safety-assess.ico
UninstallDisplayIcon={app}\safety-assess.exe
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "..\..\dist\safety-assess\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\safety-assess.exe"
Name: "{group}\Uninstall {#AppName}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\safety-assess.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\safety-assess.exe"; Parameters: "--self-test"; StatusMsg: "Checking the installation..."; Flags: runhidden
Filename: "{app}\safety-assess.exe"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
