using TrackStack.Nutrition;

namespace TrackStack.UnitTests.Nutrition;

public sealed class FoodMatcherTests
{
    [Theory]
    [InlineData("butter or margarine, melted", "butter|margarine")]
    [InlineData("sugar or honey to taste", "sugar|honey")]
    [InlineData("vegetable or sunflower oil", "sunflower oil|vegetable oil")]
    [InlineData("unsalted butter", "unsalted butter")]
    [InlineData("or", "or")]
    public void Alternatives_name_each_food_of_an_or_with_the_qualifiers_left_out(string food, string expected) =>
        Assert.Equal(expected.Split('|'), FoodMatcher.Alternatives(food));
}
