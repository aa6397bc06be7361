// Security keys (WebAuthn) for Torchlight's staff pages. Loaded only by the pages
// that offer a key; everything else works without script. No library: the browser
// API and base64url conversions are all it needs.
"use strict";

(function () {
  function fromBase64Url(text) {
    const base64 = text.replace(/-/g, "+").replace(/_/g, "/");
    const padded = base64 + "===".slice((base64.length + 3) % 4);
    const bytes = atob(padded);
    const out = new Uint8Array(bytes.length);
    for (let i = 0; i < bytes.length; i++) out[i] = bytes.charCodeAt(i);
    return out.buffer;
  }

  function toBase64Url(buffer) {
    const bytes = new Uint8Array(buffer);
    let text = "";
    for (let i = 0; i < bytes.length; i++) text += String.fromCharCode(bytes[i]);
    return btoa(text).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  }

  async function post(url, csrf, body) {
    const response = await fetch(url, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRF-Token": csrf },
      body: body === undefined ? "{}" : JSON.stringify(body),
    });
    if (!response.ok) throw new Error("HTTP " + response.status);
    return response.json();
  }

  function show(status, text) {
    status.textContent = text;
    status.hidden = false;
  }

  async function register(box, status) {
    const name = document.getElementById("key-name").value.trim();
    if (!name) {
      document.getElementById("key-name").focus();
      return;
    }
    const options = (await post(box.dataset.start, box.dataset.csrf)).publicKey;
    options.challenge = fromBase64Url(options.challenge);
    options.user.id = fromBase64Url(options.user.id);
    (options.excludeCredentials || []).forEach(function (c) { c.id = fromBase64Url(c.id); });
    const credential = await navigator.credentials.create({ publicKey: options });
    await post(box.dataset.finish, box.dataset.csrf, {
      name: name,
      credential: {
        id: credential.id,
        rawId: toBase64Url(credential.rawId),
        type: credential.type,
        extensions: {},
        response: {
          attestationObject: toBase64Url(credential.response.attestationObject),
          clientDataJSON: toBase64Url(credential.response.clientDataJSON),
        },
      },
    });
    show(status, box.dataset.done);
    window.location.reload();
  }

  async function signIn(box) {
    const options = (await post(box.dataset.start, box.dataset.csrf)).publicKey;
    options.challenge = fromBase64Url(options.challenge);
    (options.allowCredentials || []).forEach(function (c) { c.id = fromBase64Url(c.id); });
    const assertion = await navigator.credentials.get({ publicKey: options });
    const answer = await post(box.dataset.finish, box.dataset.csrf, {
      id: assertion.id,
      rawId: toBase64Url(assertion.rawId),
      type: assertion.type,
      extensions: {},
      response: {
        authenticatorData: toBase64Url(assertion.response.authenticatorData),
        clientDataJSON: toBase64Url(assertion.response.clientDataJSON),
        signature: toBase64Url(assertion.response.signature),
        userHandle: assertion.response.userHandle ? toBase64Url(assertion.response.userHandle) : null,
      },
    });
    window.location.assign(answer.redirect);
  }

  function wire(boxId, buttonId, action) {
    const box = document.getElementById(boxId);
    const button = document.getElementById(buttonId);
    if (!box || !button || !window.PublicKeyCredential) return;
    const status = document.getElementById("webauthn-status");
    button.hidden = false;
    button.addEventListener("click", function () {
      button.disabled = true;
      action(box, status).catch(function () {
        show(status, box.dataset.failed);
      }).finally(function () {
        button.disabled = false;
      });
    });
  }

  wire("webauthn-register", "webauthn-register-button", register);
  wire("webauthn-sign-in", "webauthn-sign-in-button", signIn);
})();
