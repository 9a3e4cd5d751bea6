// Applies the saved theme before the first paint (dark is the default). An external file: the CSP allows no inline script.
try {
  if (localStorage.getItem('ts.theme') === 'light') {
    document.documentElement.dataset.theme = 'light';
    document.querySelector('meta[name="theme-color"]')?.setAttribute('content', '#f4f6f8');
  }
} catch (e) { /* storage blocked: stay dark */ }
