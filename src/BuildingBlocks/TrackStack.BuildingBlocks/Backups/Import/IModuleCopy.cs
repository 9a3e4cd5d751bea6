namespace TrackStack.BuildingBlocks.Backups.Import;

/// <summary>One module's import into its target database, inside one transaction from <see cref="BeginAsync"/> to
/// <see cref="CommitAsync"/>: disposed without a commit, the target is left as it was (migrated, and empty).</summary>
internal interface IModuleCopy : IAsyncDisposable
{
    string Module { get; }

    /// <summary>Opens the transaction; a target that holds data is refused, or with <paramref name="force"/> emptied
    /// in the same transaction.</summary>
    Task BeginAsync(bool force, CancellationToken ct);

    /// <summary>Copies every table of the snapshot; the rows of each copied table, counted in the transaction.</summary>
    Task<IReadOnlyDictionary<string, long>> CopyAsync(CancellationToken ct);

    /// <summary>Sets identity sequences past the imported keys and frees the old process's claims on the outbox and
    /// inbox rows; returns how many outbox rows were not yet delivered when the backup was taken.</summary>
    Task<long> FinishAsync(CancellationToken ct);

    Task CommitAsync(CancellationToken ct);
}

/// <summary>What the import reads one module from: the SQLite snapshot or the pg_dump file of the archive.</summary>
internal sealed record ImportSource(string Module, bool IsSqlite, string Path);
