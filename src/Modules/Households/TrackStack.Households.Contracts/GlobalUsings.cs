global using TrackStack.BuildingBlocks.Households;
global using TrackStack.BuildingBlocks.Messaging;
global using TrackStack.BuildingBlocks.Persistence;
