// The few IndexedDB steps the device stores share (offline queue, read cache): one lazily opened database with one
// object store, and a request or transaction as a promise.

export function promisify<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

export function completed(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  });
}

/** One object store in its own database, opened on first use (again after a failed open). `run` does one request in
 * a transaction and resolves when the transaction has committed. */
export function objectStore(factory: IDBFactory, dbName: string, storeName: string, create: (db: IDBDatabase) => void) {
  let opening: Promise<IDBDatabase> | null = null;
  const open = () => {
    opening ??= new Promise<IDBDatabase>((resolve, reject) => {
      const req = factory.open(dbName, 1);
      req.onupgradeneeded = () => {
        if (!req.result.objectStoreNames.contains(storeName)) create(req.result);
      };
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => { opening = null; reject(req.error); };
    });
    return opening;
  };
  const transaction = async (mode: IDBTransactionMode) => (await open()).transaction(storeName, mode);
  const run = async <T>(mode: IDBTransactionMode, fn: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> => {
    const tx = await transaction(mode);
    const result = await promisify(fn(tx.objectStore(storeName)));
    await completed(tx);
    return result;
  };
  return { transaction, run };
}
