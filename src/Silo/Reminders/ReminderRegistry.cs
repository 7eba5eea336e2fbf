using CrisisGrid.Silo.Hosting;
using Microsoft.Extensions.Options;
using Orleans.Runtime;
using Orleans.Timers;

namespace CrisisGrid.Silo.Reminders;

/// <summary>
/// The silo's <see cref="IReminderRegistry"/>. Persists first and schedules second, so a reminder the grain was told
/// about is in the table and survives a restart.
/// </summary>
internal sealed class ReminderRegistry(ReminderService service, IOptions<SiloOptions> options, TimeProvider time) : IReminderRegistry
{
    public async Task<IGrainReminder> RegisterOrUpdateReminder(GrainId callingGrainId, string reminderName, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reminderName);
        if (dueTime < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(dueTime), dueTime, $"Reminder '{reminderName}' of {callingGrainId}: the due time must be zero or more.");
        }

        var minimum = options.Value.MinimumReminderPeriod;
        if (period <= TimeSpan.Zero || period < minimum)
        {
            throw new ArgumentOutOfRangeException(nameof(period), period,
                $"Reminder '{reminderName}' of {callingGrainId}: the period must be at least {minimum} (SiloOptions.MinimumReminderPeriod). " +
                "Reminders are periodic; for a one-shot, unregister the reminder in ReceiveReminder, or use a grain timer.");
        }

        var table = RequireTable(callingGrainId, reminderName);
        var entry = new ReminderEntry(callingGrainId, reminderName, time.GetUtcNow() + dueTime, period);
        await table.UpsertAsync(entry).ConfigureAwait(false);
        service.Schedule(entry);
        return GrainReminder.From(entry);
    }

    public async Task UnregisterReminder(GrainId callingGrainId, IGrainReminder reminder)
    {
        ArgumentNullException.ThrowIfNull(reminder);
        if (reminder is GrainReminder { GrainId: var owner } && owner != callingGrainId)
        {
            throw new ArgumentException($"Reminder '{reminder.ReminderName}' belongs to {owner}, not to {callingGrainId}.", nameof(reminder));
        }

        var table = RequireTable(callingGrainId, reminder.ReminderName);

        // Off the clock first, so that no tick starts while the row is being removed (this is also what makes
        // unregistering from inside ReceiveReminder final). If removal fails, the reminder goes back on the clock.
        var unscheduled = service.Unschedule(callingGrainId, reminder.ReminderName);
        try
        {
            await table.RemoveAsync(callingGrainId, reminder.ReminderName).ConfigureAwait(false);
        }
        catch
        {
            if (unscheduled is not null)
            {
                service.Schedule(unscheduled);
            }

            throw;
        }
    }

    public async Task<IGrainReminder?> GetReminder(GrainId callingGrainId, string reminderName)
    {
        var entries = await RequireTable(callingGrainId, reminderName).ReadAsync(callingGrainId).ConfigureAwait(false);
        return entries.FirstOrDefault(e => e.ReminderName == reminderName) is { } entry ? GrainReminder.From(entry) : null;
    }

    public async Task<List<IGrainReminder>> GetReminders(GrainId callingGrainId)
    {
        var entries = await RequireTable(callingGrainId, reminderName: null).ReadAsync(callingGrainId).ConfigureAwait(false);
        return [.. entries.Select(e => (IGrainReminder)GrainReminder.From(e))];
    }

    private IReminderTable RequireTable(GrainId grainId, string? reminderName) =>
        service.Table ?? throw new InvalidOperationException(
            $"{grainId} uses reminder{(reminderName is null ? "s" : $" '{reminderName}'")}, but no IReminderTable is registered. " +
            "Register a durable reminder table (SQLite or PostgreSQL) in the silo's services.");
}
