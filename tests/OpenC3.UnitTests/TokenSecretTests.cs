using OpenC3.Grains.Abstractions.Catalog;

namespace OpenC3.UnitTests;

public sealed class TokenSecretTests
{
    [Fact]
    public void NewTokens_Are32LettersAndDigits_AndDiffer()
    {
        var tokens = Enumerable.Range(0, 50).Select(_ => TokenSecret.New()).ToList();
        Assert.All(tokens, t => Assert.Matches("^[a-zA-Z0-9]{32}$", t));
        Assert.All(tokens, t => Assert.True(TokenSecret.IsWellFormed(t)));
        Assert.Equal(tokens.Count, tokens.Distinct().Count());
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("0123456789abcdef0123456789abcde")]
    [InlineData("0123456789abcdef0123456789abcdef0")]
    [InlineData("0123456789abcdef0123456789abcd-f")]
    public void MalformedTokens_AreRefused(string token) => Assert.False(TokenSecret.IsWellFormed(token));

    [Fact]
    public void Hash_IsStable_AndHidesTheToken()
    {
        const string token = "AbCdEfGh0123456789abcdefghijklmn";
        Assert.Equal(TokenSecret.Hash(token), TokenSecret.Hash(token));
        Assert.NotEqual(TokenSecret.Hash(token), TokenSecret.Hash(token.ToLowerInvariant()));
        Assert.Matches("^[0-9a-f]{64}$", TokenSecret.Hash(token));
        Assert.Equal("AbCd****", TokenSecret.Mask(token));
        Assert.Equal("AbCdEfGh@token", TokenSecret.Uploader(token));
    }
}
