"""case retries: message_cases.waiting_since (when the step in progress first failed) and failed_from (the state a
failed case gave up in, where an operator's `hygiene cases retry` puts it back)

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | Sequence[str] | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("message_cases", schema=None) as batch_op:
        batch_op.add_column(sa.Column("waiting_since", sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column("failed_from", sa.String(length=32), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("message_cases", schema=None) as batch_op:
        batch_op.drop_column("failed_from")
        batch_op.drop_column("waiting_since")
