using System.Text.Json.Nodes;
using KongIdentityOperator.Tests.Unit.Crds;

namespace KongIdentityOperator.Tests.Unit.Cel;

/// <summary>
/// Every x-kubernetes-validations rule of the generated CRDs, evaluated with the <c>Cel</c> package on inputs that
/// it must admit and inputs that it must reject.
/// </summary>
public sealed class CelRuleTests
{
    public static TheoryData<string, string> Sites()
    {
        var data = new TheoryData<string, string>();
        foreach (var site in RuleSite.All())
        {
            data.Add(site.Kind, site.Path + " | " + site.Rule.Message);
        }

        return data;
    }

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var ruleCase in RuleCases.All)
        {
            data.Add(ruleCase.Message, ruleCase.Name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Sites))]
    public void Every_rule_compiles(string kind, string site)
    {
        var rule = Site(kind, site).Rule.Rule;

        var program = CelRules.Compile(rule);

        Assert.NotNull(program);
    }

    [Theory]
    [MemberData(nameof(Sites))]
    public void Every_rule_has_inputs_it_admits_and_inputs_it_rejects(string kind, string site)
    {
        var message = Site(kind, site).Rule.Message;

        var cases = RuleCases.All.Where(c => c.Message == message).ToList();

        Assert.Contains(cases, c => c.Admitted);
        Assert.Contains(cases, c => !c.Admitted);
    }

    [Fact]
    public void Each_message_belongs_to_one_rule()
    {
        var rulesByMessage = RuleSite.All().GroupBy(s => s.Rule.Message).Select(g => (g.Key, Rules: g.Select(s => s.Rule.Rule).Distinct().Count()));

        Assert.All(rulesByMessage, m => Assert.True(m.Rules == 1, $"'{m.Key}' is the message of {m.Rules} different rules"));
    }

    [Fact]
    public void Every_case_belongs_to_a_rule_of_the_crds()
    {
        var messages = RuleSite.All().Select(s => s.Rule.Message).ToHashSet(StringComparer.Ordinal);

        Assert.All(RuleCases.All, c => Assert.Contains(c.Message, messages));
    }

    [Fact]
    public void Transition_cases_give_an_old_value_and_others_do_not()
    {
        var distinct = RuleSite.All().GroupBy(s => s.Rule.Message).ToDictionary(g => g.Key, g => g.First().Rule.Rule, StringComparer.Ordinal);

        Assert.All(RuleCases.All, c => Assert.Equal(CelRules.IsTransition(distinct[c.Message]), c.OldSelf is not null));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_rule_decides_as_expected(string message, string name)
    {
        var ruleCase = RuleCases.Get(message, name);
        var rule = RuleSite.All().First(s => s.Rule.Message == message).Rule.Rule;

        var verdict = CelRules.Evaluate(rule, JsonNode.Parse(ruleCase.Self), ruleCase.OldSelf is null ? null : JsonNode.Parse(ruleCase.OldSelf));

        Assert.True(verdict.Error is null, $"{rule} could not be evaluated on {ruleCase.Self}: {verdict.Error}");
        Assert.Equal(ruleCase.Admitted, verdict.Result);
    }

    [Fact]
    public void An_evaluation_error_is_reported_not_taken_for_a_verdict()
    {
        var verdict = CelRules.Evaluate("self.clientID != self.clientSecret", JsonNode.Parse("""{"clientID":"a"}"""));

        Assert.False(verdict.Passed);
        Assert.Null(verdict.Result);
        Assert.NotNull(verdict.Error);
    }

    private static RuleSite Site(string kind, string site) =>
        RuleSite.All().First(s => s.Kind == kind && s.Path + " | " + s.Rule.Message == site);
}
