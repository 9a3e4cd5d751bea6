"""A real SMTP server for the tests (aiosmtpd, Debian package python3-aiosmtpd).
Prints one JSON line per received message: recipients, subject and the decoded text body."""
import email
import json
import sys
from email import policy

from aiosmtpd.controller import Controller


class Handler:
    async def handle_DATA(self, server, session, envelope):
        msg = email.message_from_bytes(envelope.original_content, policy=policy.default)
        part = msg.get_body(preferencelist=("plain",))
        body = part.get_content() if part is not None else ""
        print(json.dumps({"to": envelope.rcpt_tos, "from": envelope.mail_from, "subject": str(msg["subject"]), "body": body}), flush=True)
        return "250 OK"


controller = Controller(Handler(), hostname="127.0.0.1", port=int(sys.argv[1]))
controller.start()
print("READY", flush=True)
sys.stdin.read()  # runs until the test closes standard input
controller.stop()
