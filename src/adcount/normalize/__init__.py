"""Text normalisation and contact extraction (phones, e-mails, handles)."""
