import { useEffect, useState } from 'react';
import { api, unwrap, type Provider } from '@trackstack/api';
import { LinkButton } from '@trackstack/ui';
import { returnUrl } from '../../lib/url';
import { t } from '../../strings';

function useProviders() {
  const [providers, setProviders] = useState<Provider[]>([]);
  useEffect(() => {
    unwrap(api().typed.GET('/api/auth/providers')).then(setProviders, () => setProviders([]));
  }, []);
  return providers;
}

/** Sign in (or up) with each external provider the server has, coming back to where the visitor was going. */
export function OAuthButtons({ verb }: { verb: string }) {
  const providers = useProviders();
  if (providers.length === 0) return null;
  const target = returnUrl();
  return (
    <>
      <div className="oauth">
        {providers.map((p) => (
          <LinkButton key={p.name} block href={`${p.signInUrl}?returnUrl=${encodeURIComponent(target)}`}>{t.oAuthButtons.with(verb, p.displayName)}</LinkButton>
        ))}
      </div>
      <p className="muted center">{t.oAuthButtons.withYourE}</p>
    </>
  );
}
