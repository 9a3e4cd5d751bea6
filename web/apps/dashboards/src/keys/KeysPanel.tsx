// The products and API keys tab (admins): add a product, then its keys and the snippets that use them.
import { useState } from 'react';
import { errorMessage, type ModuleContext } from '@trackstack/api';
import { Button, Card, Notice, Skeleton, TextField, canChangeSettings, useAsync, useSubmit } from '@trackstack/ui';
import type { DashboardsApi, Product } from '../api';
import { AwsCostsCard } from './AwsCostsCard';
import { ProductKeys } from './ProductKeys';
import { t } from '../strings';

export function KeysPanel({ api, role, version, changed }: { api: DashboardsApi; role: ModuleContext['household']['role']; version: number; changed: (message?: string) => void }) {
  const admin = canChangeSettings(role);
  const products = useAsync((signal) => api.products(signal), [api, version]);
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const s = useSubmit(['name', 'description']);
  const actions = useSubmit();
  const origin = typeof location === 'undefined' ? 'https://trackstack.example.org' : location.origin;

  const create = s.onSubmit(async () => {
    if (!name.trim()) return s.invalid({ name: t.keys.productNameNeeded });
    const p = await api.createProduct({ name: name.trim(), description: description.trim() || null });
    setName('');
    setDescription('');
    changed(t.keys.productCreated(p.name));
  });
  const remove = (p: Product) => {
    if (!confirm(t.keys.deleteProductConfirm(p.name))) return;
    void actions.run(async () => { await api.deleteProduct(p.id); changed(t.keys.productDeleted(p.name)); }, p.id);
  };
  const items = products.data?.items ?? [];
  return (
    <>
      <Card title={t.keys.products} data-panel="products" data-state={products.status}>
        <p className="muted">{t.keys.productsIntro}</p>
        {!admin ? <p className="muted" data-read-only="true">{t.keys.onlyAdmins}</p> : null}
        {actions.formError ? <Notice kind="error"><p>{actions.formError}</p></Notice> : null}
        {products.status === 'error' ? <p>{errorMessage(products.error, t.keys.couldNotLoad)}</p>
          : !products.data ? <Skeleton height="44px" />
          : items.length === 0 ? <p>{t.keys.noProducts}</p> : (
            <ul className="list">
              {items.map((p) => (
                <li key={p.id} data-product={p.name}>
                  <div className="grow"><div className="title">{p.name}</div>{p.builtIn ? <div className="sub" data-built-in="true">{t.keys.builtInProduct}</div> : p.description ? <div className="sub">{p.description}</div> : null}</div>
                  {admin && !p.builtIn ? <Button variant="ghost" aria-label={t.keys.deleteProductNamed(p.name)} busy={actions.busyWith === p.id} onClick={() => remove(p)}>{t.keys.deleteProduct}</Button> : null}
                </li>
              ))}
            </ul>
          )}
        {admin ? (
          <form ref={s.formRef} onSubmit={create} noValidate className="inline-form">
            <h3 className="subhead">{t.keys.addProduct}</h3>
            {s.formError ? <Notice kind="error"><p>{s.formError}</p></Notice> : null}
            <div className="two">
              <TextField label={t.keys.productName} name="productName" value={name} maxLength={100} error={s.fieldErrors.name} onChange={(e) => setName(e.target.value)} />
              <TextField label={t.keys.productDescription} name="productDescription" value={description} error={s.fieldErrors.description} onChange={(e) => setDescription(e.target.value)} />
            </div>
            <div><Button type="submit" busy={s.busy}>{t.keys.createProduct}</Button></div>
          </form>
        ) : null}
      </Card>
      {/* The built-in product is fed by the modules' events, never by a key (the server refuses one with 409). */}
      {admin ? <AwsCostsCard api={api} onChanged={() => changed()} /> : null}
      {admin ? items.filter((p) => !p.builtIn).map((p) => <ProductKeys key={p.id} api={api} product={p} origin={origin} onChanged={changed} />) : null}
    </>
  );
}
