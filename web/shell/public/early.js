// Starts the signed-in session's two requests (/api/me and the household list) while the app's JavaScript is still
// downloading: on a slow phone that bundle takes longest, and the home cards wait for both answers. The app takes
// these answers once (lib/session.ts, takeEarly) and asks again itself when one failed (e.g. the access token
// expired and needs the refresh only the app does). An external file: the CSP allows no inline script.
(function () {
  try {
    var get = function (path) {
      var answer = fetch(path, { credentials: 'same-origin', headers: { accept: 'application/json' } });
      answer.catch(function () { /* offline or left the page: not an unhandled error; the app asks again */ });
      return answer;
    };
    window.__tsEarly = { '/api/me': get('/api/me'), '/api/households': get('/api/households') };
  } catch (e) { /* old browser: the app asks itself */ }
})();
