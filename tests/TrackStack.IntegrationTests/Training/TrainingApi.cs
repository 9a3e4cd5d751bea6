using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrackStack.BuildingBlocks.Messaging;
using TrackStack.IntegrationTests.Infrastructure;
using TrackStack.Training.Domain;
using TrackStack.Training.Infrastructure;

namespace TrackStack.IntegrationTests.Training;

/// <summary>What the training tests share: paths, a household, built-in exercise ids and a workout body.</summary>
internal static class TrainingApi
{
    public static string Api(Guid household) => $"/api/households/{household}/training";

    public static Guid Exercise(string name) => ExerciseLibrary.FindByName(name)!.Id;

    public static string At(TimeSpan ago) => (DateTime.UtcNow - ago).ToString("yyyy-MM-ddTHH:mm:ss.fffZ");

    public static Task<Guid> HomeAsync(ApiClient client, string name) => Accounts.CreateHouseholdAsync(client, name, "UTC");

    public static object Workout(Guid? id, TimeSpan ago, params (Guid Exercise, double? Kg, int? Reps, string Kind)[] sets) => new
    {
        id, name = "Push", startedAt = At(ago), endedAt = At(ago - TimeSpan.FromMinutes(50)),
        sets = sets.Select(s => new { exerciseId = s.Exercise, weightKg = s.Kg, reps = s.Reps, kind = s.Kind }).ToArray(),
    };

    public static MultipartFormDataContent Upload(byte[] file, string name, params (string Key, string Value)[] fields)
    {
        var form = new MultipartFormDataContent();
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(content, "file", name);
        foreach (var (key, value) in fields) form.Add(new StringContent(value), key);
        return form;
    }

    public static async Task<List<OutboxMessage>> OutboxAsync(TestHost host, string type)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TrainingDb>();
        return await db.Set<OutboxMessage>().AsNoTracking().Where(m => m.Type == type).ToListAsync();
    }
}
