"""Deliver a built brief: files under out/, and the email digest."""
