using System.Security.Cryptography;
using System.Text;

namespace TrackStack.Training.Domain;

/// <summary>An exercise of the built-in library: the same for every household, never stored. Its id is derived
/// from its slug, so it is stable across servers and releases (an export names the same id everywhere).</summary>
internal sealed record BuiltInExercise(string Slug, string Name, string Equipment, ExerciseType Type,
    IReadOnlyList<string> PrimaryMuscles, IReadOnlyList<string> SecondaryMuscles, IReadOnlyList<string> Aliases)
{
    public Guid Id { get; } = IdOf(Slug);

    /// <summary>A name-based id (RFC 9562 version 8 layout over SHA-256 of the slug).</summary>
    public static Guid IdOf(string slug)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes("trackstack.training.exercise:" + slug));
        var bytes = hash.AsSpan(0, 16).ToArray();
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }
}
