import { useEffect, useState } from 'react';

/** True on a desktop-wide window (≥ 1024 px): the entries list becomes a table, the settings get a side navigation. */
export function useWide(query = '(min-width: 1024px)'): boolean {
  const media = typeof window !== 'undefined' && typeof window.matchMedia === 'function' ? window.matchMedia(query) : null;
  const [wide, setWide] = useState(() => media?.matches ?? false);
  useEffect(() => {
    if (!media) return;
    const on = () => setWide(media.matches);
    media.addEventListener('change', on);
    on();
    return () => media.removeEventListener('change', on);
  }, [query]); // eslint-disable-line react-hooks/exhaustive-deps
  return wide;
}
