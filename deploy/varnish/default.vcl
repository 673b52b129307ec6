# Varnish 7 in front of the portal's gunicorn (docs/deployment.md, "Caching proxy").
#
# The application decides what may be cached: an anonymous page says
# `Cache-Control: public, max-age=0, s-maxage=N` (core/public_cache.py), the campaign embed its
# own max-age. A response without Cache-Control, with Set-Cookie, or marked private, no-store
# or no-cache is never kept. The rules below add what must never be cached whatever the
# application says (the admin, the complaint form and its status lookup, search results),
# strip visitors' cookies, accept purges from this machine only, and keep serving stale
# pages when the application fails: a person in danger still gets the hotlines.
#
# Tests (tests/deploy/test_varnish.py), `make serve-prod` and `make bench` run this file with
# the backends' port below replaced by the one their gunicorn listens on.

vcl 4.1;

import std;

# Every request goes to this backend, whatever its health: an application slowed down by a
# spike still answers the complaint form and misses, late rather than never.
backend portal {
    .host = "127.0.0.1";
    .port = "8001";
    .connect_timeout = 2s;
    .first_byte_timeout = 30s;
    .between_bytes_timeout = 10s;
}

# The same server, probed, only to decide how stale a cached page may be (vcl_recv). Sick
# after 3 failed checks out of 5 (/healthz is 503 without a database): Varnish then serves
# cached pages for up to their whole grace (24 h) instead of refreshing them.
backend portal_health {
    .host = "127.0.0.1";
    .port = "8001";
    .probe = {
        .url = "/healthz";
        .interval = 2s;
        .timeout = 2s;
        .window = 5;
        .threshold = 3;
        .initial = 3;
    }
}

# Who may PURGE (one path) and BAN (everything): the application servers. Add their
# addresses when they run on other machines.
acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    set req.backend_hint = portal;
    if (req.method == "PURGE" || req.method == "BAN") {
        if (client.ip !~ purgers) {
            return (synth(403, "Forbidden"));
        }
        if (req.method == "BAN") {
            ban("obj.status != 0");
            return (synth(200, "Banned everything"));
        }
        # One path with every query string (directory filters, page numbers), whatever the
        # host: one Varnish serves one site.
        ban("obj.http.X-Cache-Path == " + regsub(req.url, "\?.*$", ""));
        return (synth(200, "Purged"));
    }

    # Keep only the admin's session and CSRF cookies (Django's SESSION_COOKIE_NAME and
    # CSRF_COOKIE_NAME; tests/deploy/test_varnish.py checks they still match). Every other
    # cookie (analytics a partner page might set on the domain, leftovers) is dropped, so it
    # neither reaches the application nor splits the cache.
    if (req.http.Cookie) {
        set req.http.Cookie = ";" + req.http.Cookie;
        set req.http.Cookie = regsuball(req.http.Cookie, "; +", ";");
        set req.http.Cookie = regsuball(req.http.Cookie, ";(sessionid|csrftoken)=", "; \1=");
        set req.http.Cookie = regsuball(req.http.Cookie, ";[^ ][^;]*", "");
        set req.http.Cookie = regsuball(req.http.Cookie, "^[; ]+|[; ]+$", "");
        if (req.http.Cookie == "") {
            unset req.http.Cookie;
        }
    }

    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # An editor (signed in to the admin) sees pages fresh, with the userbar.
    if (req.http.Cookie) {
        return (pass);
    }
    # Never cached, whatever the response says: the admin and its previews, the complaint
    # form and its status lookup (both languages: /es/denuncia/, /es/denuncia/seguimiento/,
    # /en/report/, /en/report/status/), the spam-check challenges, the health check, search
    # results for a query.
    if (req.url ~ "^/admin/"
        || req.url ~ "^/(es/denuncia|en/report)(/|\?|$)"
        || req.url ~ "^/altcha/"
        || req.url ~ "^/healthz"
        || req.url ~ "^/(es/buscar|en/search)/\?(.*&)?q=") {
        return (pass);
    }

    # While the application is healthy, a page past its TTL is refreshed in the background
    # and served stale for at most 10 s; when it is sick, for the whole grace.
    if (std.healthy(portal_health)) {
        set req.grace = 10s;
    }
    return (hash);
}

sub vcl_pass {
    set req.http.X-Cache-Pass = "1";
}

sub vcl_backend_fetch {
    unset bereq.http.X-Cache-Pass;
}

sub vcl_backend_response {
    # A failed refresh of a page still in grace keeps the stale copy rather than an error.
    if (beresp.status >= 500 && bereq.is_bgfetch) {
        return (abandon);
    }
    # The path the object was fetched for, matched by PURGE (removed before delivery).
    set beresp.http.X-Cache-Path = regsub(bereq.url, "\?.*$", "");

    if (bereq.uncacheable) {
        return (deliver);
    }
    if (!beresp.http.Cache-Control
        || beresp.http.Cache-Control ~ "(private|no-store|no-cache)"
        || beresp.http.Set-Cookie
        || beresp.status >= 500) {
        # Not cached; for two minutes Varnish remembers so and lets requests go straight
        # through instead of queueing them behind one another.
        set beresp.uncacheable = true;
        set beresp.ttl = 120s;
        return (deliver);
    }
    # Cached for the TTL the application gave (s-maxage, else max-age), and kept 24 h longer
    # to serve while the application cannot answer.
    set beresp.grace = 24h;
    if (beresp.http.Content-Type ~ "^(text/|application/(json|javascript|xml))") {
        set beresp.do_gzip = true;
    }
    return (deliver);
}

sub vcl_deliver {
    if (req.http.X-Cache-Pass) {
        set resp.http.X-Cache = "PASS";
    } elsif (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
    unset resp.http.X-Cache-Path;
    unset resp.http.Via;
    unset resp.http.X-Varnish;
}
