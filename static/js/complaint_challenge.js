// The complaint form's spam check: the vendored ALTCHA widget's "external" build ships without
// its proof-of-work workers (so it needs no blob: or inline code under the site's CSP); this
// registers the worker file served next to it. Without JavaScript the form explains what to do.
const form = document.querySelector("[data-altcha-worker]");
if (form && globalThis.$altcha) {
  const workerUrl = form.dataset.altchaWorker;
  for (const algorithm of ["PBKDF2/SHA-256", "PBKDF2/SHA-384", "PBKDF2/SHA-512"]) {
    globalThis.$altcha.algorithms.set(algorithm, () => new Worker(workerUrl));
  }
}
