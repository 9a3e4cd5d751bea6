namespace TrackStack.Training;

/// <summary>A weighing: date (the member's day) and weightKg (20–400).</summary>
public sealed record BodyWeightRequest(Guid? Id, DateOnly? Date, double? WeightKg);

/// <summary>A weighing with the 7-day trend on its day (mean of the days weighed in that week).</summary>
public sealed record BodyWeightResponse(Guid Id, DateOnly Date, double WeightKg, double TrendKg);
