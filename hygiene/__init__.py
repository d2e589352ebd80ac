"""hygiene: keeps Microsoft 365 mailboxes free of sensitive personal data that arrived unencrypted."""

__version__ = "0.1.0"
