"""Detection of sensitive personal data in text (filled in by the detector engine; see CONTRACTS.md)."""
