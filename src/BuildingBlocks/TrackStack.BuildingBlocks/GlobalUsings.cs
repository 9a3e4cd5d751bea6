global using TrackStack.BuildingBlocks.Persistence;
