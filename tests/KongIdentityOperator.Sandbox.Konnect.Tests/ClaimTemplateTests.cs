using System.Collections.Immutable;
using KongIdentityOperator.Sandbox.Konnect.Identity;
using KongIdentityOperator.Sandbox.Konnect.Issuer;

namespace KongIdentityOperator.Sandbox.Konnect.Tests;

/// <summary>The claim template language on its own: fields, pipes, functions, literals and parse errors.</summary>
public sealed class ClaimTemplateTests
{
    private static readonly DateTimeOffset Now = new(2031, 5, 6, 7, 8, 9, TimeSpan.Zero);

    private static readonly TemplateContext Context = new(
        new Client(
            "cid-1", 1, "Billing", ["client_credentials"], ["token"], [], null, 300, 300, false, [],
            ImmutableDictionary<string, string>.Empty.Add("env", "prod"), "client_secret_post", Now, Now),
        new AuthServer(Guid.Parse("6f1d3c52-0b7a-4c8e-9a43-2b7e1f0c9d11"), 1, "Appointments", "desc", "api://x", "RS256",
            ImmutableDictionary<string, string>.Empty, [], "key", Now, Now),
        Now);

    [Theory]
    [InlineData("static", "static")]
    [InlineData("${ .Client.Name }", "Billing")]
    [InlineData("${.Client.ID}-${ .AuthServer.Name }", "cid-1-Appointments")]
    [InlineData("${ .Client.Labels.env | upper }", "PROD")]
    [InlineData("${ .Client.Labels.missing | default \"none\" }", "none")]
    [InlineData("${ .AuthServer.ID }", "6f1d3c52-0b7a-4c8e-9a43-2b7e1f0c9d11")]
    [InlineData("${ .Client.GrantTypes }", "[\"client_credentials\"]")]
    [InlineData("${ now | date \"2006-01-02T15:04:05Z07:00\" }", "2031-05-06T07:08:09Z")]
    [InlineData("${ \"a}b\" | upper }", "A}B")]
    [InlineData("${ join \",\" .Client.ResponseTypes }", "token")]
    [InlineData("${ .Client.Name | lower | b64enc }", "YmlsbGluZw==")]
    public void Renders(string template, string expected) =>
        Assert.Equal(expected, ClaimTemplate.Parse(template).Render(Context));

    [Fact]
    public void Random_functions_give_fresh_values()
    {
        var template = ClaimTemplate.Parse("${ uuidv4 }/${ randAlphaNum 12 }");

        var first = template.Render(Context).Split('/');
        var second = template.Render(Context).Split('/');

        Assert.True(Guid.TryParse(first[0], out _));
        Assert.Equal(12, first[1].Length);
        Assert.NotEqual(first[0], second[0]);
    }

    [Theory]
    [InlineData("${ .Client.Name")]
    [InlineData("${ nope }")]
    [InlineData("${ upper }")]
    [InlineData("${ .Client.Secret }")]
    [InlineData("${ \"unterminated }")]
    [InlineData("${ .Client.Name \"extra\" }")]
    [InlineData("${ upper nope }")]
    [InlineData("${ | upper }")]
    public void Rejects_bad_templates(string template) =>
        Assert.Throws<TemplateException>(() => ClaimTemplate.Parse(template));

    [Theory]
    [InlineData("42", "42")]
    [InlineData("{\"a\":1}", "{\"a\":1}")]
    [InlineData("not json", "\"not json\"")]
    [InlineData("\"quoted\"", "\"quoted\"")]
    public void Infers_json_types(string value, string json) =>
        Assert.Equal(json, ClaimValues.Infer(value).GetRawText());
}
