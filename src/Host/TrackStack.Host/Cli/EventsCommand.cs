using System.CommandLine;
using System.Globalization;
using TrackStack.BuildingBlocks.Messaging;

namespace TrackStack.Host.Cli;

/// <summary>Operator view of event delivery: events list [--dead], events replay &lt;eventId&gt;.</summary>
internal static class EventsCommand
{
    public static Command Create(Func<CancellationToken, Task<IServiceProvider>> services)
    {
        var events = new Command("events", "Inspect and replay undelivered or dead-lettered events.");

        var dead = new Option<bool>("--dead") { Description = "Only dead-lettered messages." };
        var list = new Command("list", "Messages that are not delivered yet (or only dead ones).") { dead };
        list.SetAction(async (r, ct) =>
        {
            var sp = await services(ct);
            var rows = new List<MessageInfo>();
            foreach (var module in sp.GetServices<IModuleMessaging>()) rows.AddRange(await module.ListAsync(r.GetValue(dead), ct));
            Console.WriteLine($"{"MODULE",-12} {"BOX",-6} {"EVENT ID",-36} {"STATUS",-10} {"TRIES",5}  TYPE / HANDLER / LAST ERROR");
            foreach (var m in rows)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{m.Module,-12} {m.Box,-6} {m.EventId,-36} {m.Status,-10} {m.Attempts,5}  {m.Type}{(m.Handler is null ? "" : " -> " + m.Handler)}{(m.LastError is null ? "" : " | " + m.LastError)}"));
            }
            Console.WriteLine($"{rows.Count} message(s).");
            return 0;
        });

        var id = new Argument<Guid>("eventId") { Description = "The event id shown by 'events list'." };
        var replay = new Command("replay", "Queue a dead-lettered event again (outbox and inbox rows).") { id };
        replay.SetAction(async (r, ct) =>
        {
            var sp = await services(ct);
            var count = 0;
            foreach (var module in sp.GetServices<IModuleMessaging>()) count += await module.ReplayAsync(r.GetValue(id), ct);
            Console.WriteLine(count == 0 ? "No undelivered message has this id." : $"Requeued {count} message(s); the running server delivers them within a few seconds.");
            return count == 0 ? 1 : 0;
        });

        events.Subcommands.Add(list);
        events.Subcommands.Add(replay);
        return events;
    }
}
