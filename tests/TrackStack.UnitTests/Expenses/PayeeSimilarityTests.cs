using TrackStack.Expenses.Domain;

namespace TrackStack.UnitTests.Expenses;

public sealed class PayeeSimilarityTests
{
    [Theory]
    [InlineData("REWE Markt GmbH", "Rewe")]
    [InlineData("NETFLIX.COM", "Netflix")]
    [InlineData("Stadtwerke München", "Strom Stadtwerke")]
    [InlineData("Hausverwaltung Schmidt", "Miete Schmidt")]
    [InlineData("SPOTIFYAB", "Spotify")]
    public void The_same_payee_written_by_a_bank_and_a_person(string bank, string typed) => Assert.True(PayeeSimilarity.Similar(bank, typed));

    [Theory]
    [InlineData("Stadtwerke München", "Kino")]
    [InlineData("Allianz Versicherungs-AG", "Ergo Versicherung AG")] // the legal form alone is no likeness
    [InlineData("SEPA Lastschrift 12345", "Lastschrift 12345")]      // nor are booking words and numbers
    [InlineData("", "Rewe")]
    [InlineData(null, "Rewe")]
    public void Different_payees(string? bank, string typed) => Assert.False(PayeeSimilarity.Similar(bank, typed));
}
