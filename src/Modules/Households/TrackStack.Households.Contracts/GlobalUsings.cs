global using TrackStack.BuildingBlocks.Households;
global using TrackStack.BuildingBlocks.Messaging;
