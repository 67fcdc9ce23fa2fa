"""``safety-assess photo ...`` (or ``photos``): attach photos to items, list them, send them to the shared server."""

from __future__ import annotations

import argparse
import sys
import uuid
from pathlib import Path

from safety_assess.base.files import writing
from safety_assess.cli.context import Commands, open_workspace
from safety_assess.cli.output import print_json, print_table


def register(commands: Commands, common: argparse.ArgumentParser) -> None:
    parser = commands.add_parser("photo", aliases=["photos"], help="attach photos to items, list them, send them")
    sub = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    add = sub.add_parser("add", parents=[common], help="attach photo files to an item")
    add.add_argument("assessment", metavar="ASSESSMENT")
    add.add_argument("item", metavar="ITEM")
    add.add_argument("files", nargs="+", type=Path, metavar="FILE")
    add.add_argument("--instance", metavar="LABEL", help="instance of a repeatable group (created if new)")
    add.add_argument("--caption", default="")
    add.set_defaults(handler=add_cmd)
    export = sub.add_parser("export", parents=[common], help="write a photo as it may be shared (redactions burned in)")
    export.add_argument("photo", metavar="PHOTO", type=_uuid)
    export.add_argument("--out", required=True, type=Path, metavar="FILE")
    export.set_defaults(handler=export_cmd)
    listing = sub.add_parser("list", parents=[common], help="an assessment's photos")
    listing.add_argument("assessment", metavar="ASSESSMENT")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=list_cmd)
    upload = sub.add_parser(
        "upload", parents=[common], help="send this data folder's photos the shared server lacks (resumable)"
    )
    upload.add_argument("--json", action="store_true")
    upload.set_defaults(handler=upload_cmd)


def add_cmd(args: argparse.Namespace) -> int:
    # loaded when the command runs: building the parser imports every command module
    from safety_assess.services.photos import add_photos

    with open_workspace(args) as workspace:
        assessment_id = workspace.assessments.resolve_id(args.assessment)
        result = add_photos(
            workspace, assessment_id, args.item, args.files, instance_label=args.instance, caption=args.caption
        )
    for photo in result.added:
        print(f"added {photo.id} {photo.filename} ({photo.width} x {photo.height})")
    for problem in result.refused:
        print(f"refused: {problem}", file=sys.stderr)
    return 1 if result.refused else 0


def _uuid(text: str) -> uuid.UUID:
    try:
        return uuid.UUID(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a photo id") from None


def export_cmd(args: argparse.Namespace) -> int:
    from safety_assess.services.photos import export_photo

    with open_workspace(args) as workspace:
        data = export_photo(workspace, args.photo)
    with writing(workspace.data_dir, args.out) as partial:  # a WriteError is one line, like every error
        partial.write_bytes(data)
    print(f"wrote {args.out} ({len(data)} bytes, no metadata)")
    return 0


def list_cmd(args: argparse.Namespace) -> int:
    with open_workspace(args) as workspace:
        assessment_id = workspace.assessments.resolve_id(args.assessment)
        photos = workspace.photos.list(assessment_id)
        labels = {i.id: i.label for i in workspace.assessments.detail(assessment_id).instances}
    rows = [
        {
            "id": p.id,
            "item": p.item_id,
            "instance": labels.get(p.instance_id) if p.instance_id else None,
            "sha256": p.sha256,
            "width": p.width,
            "height": p.height,
            "captured_at": p.captured_at,
            "has_location": p.gps is not None,
            "caption": p.caption,
            "annotations": len(p.annotations),
            "filename": p.filename,
        }
        for p in photos
    ]
    if args.json:
        print_json(rows)
    else:
        print_table(
            ["ID", "ITEM", "INSTANCE", "SIZE", "CAPTURED", "FILE"],
            [
                (
                    r["id"],
                    r["item"],
                    r["instance"] or "",
                    f"{r['width']}x{r['height']}",
                    r["captured_at"] or "",
                    r["filename"],
                )
                for r in rows
            ],
        )
    return 0


def upload_cmd(args: argparse.Namespace) -> int:
    from safety_assess.base.jobs import Progress
    from safety_assess.services.photo_upload import upload_photos

    def told(done: int, total: int, message: str) -> None:
        if message and not args.json:
            print(f"{message} ({done // 1024} of {total // 1024} KiB)", file=sys.stderr)

    with open_workspace(args) as workspace:
        result = upload_photos(workspace, Progress(told))
    if args.json:
        print_json(
            {"sent": result.sent, "bytes": result.bytes, "on_server": result.on_server, "nowhere": result.nowhere}
        )
        return 0
    print(f"sent {result.sent} photo files ({result.bytes} bytes) to the server; {result.on_server} were there already")
    if result.nowhere:
        print(f"{len(result.nowhere)} photos are neither in this data folder nor on the server", file=sys.stderr)
    return 0
