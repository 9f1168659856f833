using CucThongKe.Core.Data;

namespace CucThongKe.Contents.Scheduling;

/// <summary>Wakes the scheduler when a new schedule may be due sooner than the one it sleeps for (raised after the schedule's commit).</summary>
public sealed class ScheduleSignal : WakeUpSignal;
