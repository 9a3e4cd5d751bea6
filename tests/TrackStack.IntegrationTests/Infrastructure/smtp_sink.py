"""A real SMTP server for the tests (aiosmtpd, Debian package python3-aiosmtpd).
Prints one JSON line per received message: recipients, subject, the decoded text and HTML bodies, every MIME
part, and whether the session was under TLS. With --auth it also prints one line per AUTH attempt (and whether it
came under TLS). With --tls CERT KEY it offers STARTTLS and requires it before MAIL.

    smtp_sink.py PORT [--tls CERT.pem KEY.pem] [--auth USER PASSWORD]
"""
import argparse
import email
import base64
import json
import ssl
import sys
from email import policy

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword


def out(obj):
    print(json.dumps(obj), flush=True)


class Handler:
    async def handle_DATA(self, server, session, envelope):
        msg = email.message_from_bytes(envelope.original_content, policy=policy.default)
        plain = msg.get_body(preferencelist=("plain",))
        html = msg.get_body(preferencelist=("html",))
        parts = [
            {
                "contentType": p.get_content_type(),
                "charset": p.get_content_charset(),
                "disposition": p.get_content_disposition(),
                "fileName": p.get_filename(),
                "contentId": (p["Content-ID"] or "").strip("<>") or None,
                "size": len(p.get_payload(decode=True) or b""),
            }
            for p in msg.walk()
            if not p.is_multipart()
        ]
        out({
            "to": envelope.rcpt_tos,
            "from": envelope.mail_from,
            "subject": str(msg["subject"]),
            "body": plain.get_content() if plain is not None else "",
            "html": html.get_content() if html is not None else None,
            "contentType": msg.get_content_type(),
            "parts": parts,
            "tls": session.ssl is not None,
            # The message as received, for tests that parse the MIME themselves (a report's PNG and CSV).
            "raw": base64.b64encode(envelope.original_content).decode("ascii"),
        })
        return "250 OK"


def authenticator_for(user, password):
    def authenticate(server, session, envelope, mechanism, auth_data):
        ok = isinstance(auth_data, LoginPassword) and auth_data.login.decode() == user and auth_data.password.decode() == password
        out({"event": "auth", "mechanism": mechanism, "tls": session.ssl is not None, "ok": ok})
        return AuthResult(success=ok)
    return authenticate


args = argparse.ArgumentParser()
args.add_argument("port", type=int)
args.add_argument("--tls", nargs=2, metavar=("CERT", "KEY"))
args.add_argument("--auth", nargs=2, metavar=("USER", "PASSWORD"))
a = args.parse_args()

options = {}
if a.tls:
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(a.tls[0], a.tls[1])
    options.update(tls_context=context, require_starttls=True)
if a.auth:
    # AUTH is offered even before STARTTLS, so a client that sent credentials in clear would be seen doing it.
    options.update(authenticator=authenticator_for(*a.auth), auth_require_tls=False)

controller = Controller(Handler(), hostname="127.0.0.1", port=a.port, **options)
controller.start()
print("READY", flush=True)
sys.stdin.read()  # runs until the test closes standard input
controller.stop()
