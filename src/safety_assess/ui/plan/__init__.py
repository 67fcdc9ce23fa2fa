"""The findings and action-plan window of one assessment: findings, heat map, action plan, scores."""
