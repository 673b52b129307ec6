"""Plain share links (addresses, no share scripts): nothing loads from a social network until
the visitor follows one."""

from urllib.parse import urlencode

from django.utils.translation import gettext_lazy as _


def share_links(title, url, hashtag=""):
    text = f"{title} {url}"
    tweet = {"url": url, "text": title}
    if hashtag:
        tweet["hashtags"] = hashtag
    return [
        {
            "name": "WhatsApp",
            "url": "https://wa.me/?" + urlencode({"text": text}),
        },
        {
            "name": "Facebook",
            "url": "https://www.facebook.com/sharer/sharer.php?" + urlencode({"u": url}),
        },
        {
            "name": "X",
            "url": "https://twitter.com/intent/tweet?" + urlencode(tweet),
        },
        {
            "name": _("E-mail"),
            "url": "mailto:?" + urlencode({"subject": title, "body": url}).replace("+", "%20"),
        },
    ]
