// Applies the theme before the first paint: the one the user picked (stored), else the operating system's, following
// it live until the user picks one. An external file: the CSP allows no inline script.
(function () {
  var stored = null;
  try { stored = localStorage.getItem('ts.theme'); } catch (e) { /* storage blocked: follow the system */ }
  var query = window.matchMedia ? window.matchMedia('(prefers-color-scheme: light)') : null;
  function apply(light) {
    if (light) document.documentElement.dataset.theme = 'light';
    else delete document.documentElement.dataset.theme;
    var meta = document.querySelector('meta[name="theme-color"]');
    if (meta) meta.setAttribute('content', light ? '#f4f6f8' : '#0d1015');
  }
  apply(stored ? stored === 'light' : !!(query && query.matches));
  if (query && !stored && query.addEventListener) {
    query.addEventListener('change', function (e) {
      var picked = null;
      try { picked = localStorage.getItem('ts.theme'); } catch (x) { /* ignore */ }
      if (!picked) apply(e.matches);
    });
  }
})();
