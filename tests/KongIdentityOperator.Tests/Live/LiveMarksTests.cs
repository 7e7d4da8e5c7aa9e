namespace KongIdentityOperator.Tests.Live;

/// <summary>What the live suite takes as its own, and how it reads its variables.</summary>
public sealed class LiveMarksTests
{
    private static readonly Dictionary<string, string> Labelled = new() { [LiveLabels.Run] = "ab12cd34" };

    [Theory]
    [InlineData("e2e-ab12cd34", "ab12cd34", true)]
    [InlineData("e2e-ab12cd34-tutorial", null, true)]
    [InlineData("e2e-ab12cd34", "ffff0000", false)]
    [InlineData("e2e-ab12cd3", null, false)]
    [InlineData("team-a", null, false)]
    [InlineData("prod-e2e-ab12cd34", null, false)]
    public void A_run_owns_an_object_only_when_its_name_and_its_label_agree(string name, string? runId, bool owned) =>
        Assert.Equal(owned, LiveLabels.Marks(name, Labelled, LiveLabels.Run, runId));

    [Fact]
    public void Without_the_label_or_with_a_label_that_is_no_run_id_nothing_is_owned()
    {
        Assert.False(LiveLabels.Marks("e2e-ab12cd34", new Dictionary<string, string>(), LiveLabels.Run, null));
        Assert.False(LiveLabels.Marks("e2e-ab12cd34", null, LiveLabels.Run, null));
        Assert.False(LiveLabels.Marks("e2e-", new Dictionary<string, string> { [LiveLabels.Run] = string.Empty }, LiveLabels.Run, null));
        Assert.False(LiveLabels.Marks("e2e-AB12CD34", new Dictionary<string, string> { [LiveLabels.Run] = "AB12CD34" }, LiveLabels.Run, null));
    }

    [Fact]
    public void Settings_come_from_the_variables_and_never_show_the_token()
    {
        var kubeconfig = Path.GetTempFileName();
        try
        {
            var variables = new Dictionary<string, string>
            {
                [LiveSettings.OptIn] = "1",
                ["KONNECT_TOKEN"] = "spat_secret_value",
                ["KONNECT_REGION"] = "eu",
                ["KUBECONFIG"] = kubeconfig,
                [LiveSettings.RunIdVariable] = "run42",
            };
            var (settings, reason) = LiveSettings.Read(name => variables.GetValueOrDefault(name));

            Assert.Null(reason);
            Assert.Equal(new Uri("https://eu.api.konghq.com"), settings!.ServerUrl);
            Assert.Equal(("eu", "e2e-run42", false), (settings.Region, settings.Prefix, settings.CleanupOnly));
            Assert.DoesNotContain("spat_secret_value", settings.ToString(), StringComparison.Ordinal);

            variables["KONNECT_SERVER_URL"] = "http://user:pw@127.0.0.1:9100/base?x=1";
            (settings, _) = LiveSettings.Read(name => variables.GetValueOrDefault(name));
            Assert.Equal(("http://127.0.0.1:9100/base", null), (settings!.ServerForDisplay, settings.Region));
        }
        finally
        {
            File.Delete(kubeconfig);
        }
    }

    [Theory]
    [InlineData(null, "KONNECT_TOKEN", "eu", "E2E_LIVE=1 is not set")]
    [InlineData("1", null, "eu", "set KONNECT_TOKEN")]
    [InlineData("1", "t", "moon", "KONNECT_REGION must be one of")]
    public void Without_what_it_needs_it_says_why(string? optIn, string? token, string region, string expected)
    {
        var variables = new Dictionary<string, string?>
        {
            [LiveSettings.OptIn] = optIn,
            ["KONNECT_TOKEN"] = token,
            ["KONNECT_REGION"] = region,
            ["KUBECONFIG"] = "/etc/hostname",
        };
        var (settings, reason) = LiveSettings.Read(name => variables.GetValueOrDefault(name));
        Assert.Null(settings);
        Assert.Contains(expected, reason, StringComparison.Ordinal);
    }
}
