// Starts the signed-in session's requests while the app's JavaScript is still downloading: on a slow phone that
// bundle takes longest, and the home cards wait for these answers. First /api/me and the household list; once both
// are in, the home cards' first reads of the household the app will open (the paths the page lists in
// #ts-early-reads, e.g. "/heating/summary" or "/expenses/months/{month}"). The app takes each answer once
// (@trackstack/api early.ts) and asks again itself when one failed or it chose another household or month (e.g.
// the access token expired and needs the refresh only the app does). An external file: the CSP allows no inline script.
(function () {
  try {
    var early = (window.__tsEarly = {});
    var get = function (path) {
      var answer = fetch(path, { credentials: 'same-origin', headers: { accept: 'application/json' } });
      answer.catch(function () { /* offline or left the page: not an unhandled error; the app asks again */ });
      early[path] = answer;
      return answer;
    };
    var me = get('/api/me');
    var list = get('/api/households');
    var listed = document.getElementById('ts-early-reads');
    var reads = listed ? JSON.parse(listed.textContent || '[]') : [];
    if (!reads.length) return;
    // Each answer is cloned as soon as it arrives: these reactions are registered before the app exists, so they run
    // before the app reads the body (which may happen before the other answer is in).
    var body = function (answer) { return answer.then(function (r) { return r.ok ? r.clone().json() : null; }); };
    Promise.all([body(me), body(list)]).then(function (bodies) {
      if (!bodies[0] || !bodies[1]) return;
      var household = pick(bodies[0], bodies[1]);
      if (!household) return;
      var month = monthIn(household.timeZone);
      reads.forEach(function (read) {
        get('/api/households/' + household.id + read.replace('{month}', month));
      });
    }).catch(function () { /* the app asks itself */ });
  } catch (e) { /* old browser: the app asks itself */ }

  // The same choice as the app's pickHousehold (lib/session.ts): this device's, else the one used last, else the
  // personal one, else the first. When they differ the app simply does not use these answers.
  function pick(me, households) {
    var stored = null;
    try { stored = localStorage.getItem('ts.household'); } catch (e) { /* private mode */ }
    var member = function (id) { return !!id && me.households.some(function (h) { return h.id === id; }); };
    var id = member(stored) ? stored : member(me.lastHouseholdId) ? me.lastHouseholdId : null;
    if (!id) {
      var personal = me.households.filter(function (h) { return h.isPersonal; })[0] || me.households[0];
      id = personal && personal.id;
    }
    return households.filter(function (h) { return h.id === id; })[0] || null;
  }

  // "yyyy-MM" in the household's time zone, as the app's monthKey.
  function monthIn(timeZone) {
    var parts = new Intl.DateTimeFormat('en-CA', { timeZone: timeZone || 'UTC', year: 'numeric', month: '2-digit' }).formatToParts(new Date());
    var part = function (type) { return parts.filter(function (p) { return p.type === type; })[0].value; };
    return part('year') + '-' + part('month');
  }
})();
