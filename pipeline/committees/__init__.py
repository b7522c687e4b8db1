"""Statuses for committees: when each is due (schedule), what is due today (due), the run ledger (ledger),
the previous status to compare with (previous), and delivery to an outbox folder or by e-mail (outbox, mail,
deliver)."""
