"""The records tests' drive is the sandbox's document library (`hygiene.sandbox.drive.Drive`)."""

from hygiene.sandbox.drive import Drive as FakeDrive

__all__ = ["FakeDrive"]
