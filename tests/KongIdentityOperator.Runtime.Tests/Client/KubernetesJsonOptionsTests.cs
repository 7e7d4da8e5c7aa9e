using System.Text;
using System.Text.Json.Nodes;
using k8s.Models;
using KongIdentityOperator.Runtime.Client;

namespace KongIdentityOperator.Runtime.Tests.Client;

/// <summary>
/// The runtime's own JSON: the timestamp forms the API server accepts (a MicroTime without its six fractional digits is
/// rejected), the conventions of KubernetesClient, and type information for the built-in kinds without its context.
/// </summary>
public sealed class KubernetesJsonOptionsTests
{
    private static readonly DateTime WholeSecond = new(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc);
    private static readonly DateTime WithFraction = WholeSecond.AddTicks(1_234_567);

    [Fact]
    public void An_event_time_is_written_with_six_fractional_digits_even_on_a_whole_second()
    {
        var json = Write(new Eventsv1Event
        {
            Metadata = new V1ObjectMeta { Name = "e" },
            EventTime = WholeSecond,
            Series = new Eventsv1EventSeries { Count = 2, LastObservedTime = WithFraction },
        });

        Assert.Equal("2026-01-02T03:04:05.000000Z", json["eventTime"]!.GetValue<string>());
        Assert.Equal("2026-01-02T03:04:05.123456Z", json["series"]!["lastObservedTime"]!.GetValue<string>());
    }

    [Fact]
    public void A_lease_writes_its_acquire_and_renew_times_as_MicroTime()
    {
        var json = Write(new V1Lease { Spec = new V1LeaseSpec { HolderIdentity = "a", AcquireTime = WholeSecond, RenewTime = WithFraction } });

        Assert.Equal("2026-01-02T03:04:05.000000Z", json["spec"]!["acquireTime"]!.GetValue<string>());
        Assert.Equal("2026-01-02T03:04:05.123456Z", json["spec"]!["renewTime"]!.GetValue<string>());
    }

    [Fact]
    public void A_Time_is_RFC_3339_in_UTC_with_a_fraction_only_when_it_has_one()
    {
        var json = Write(new V1Secret
        {
            Metadata = new V1ObjectMeta
            {
                Name = "s",
                CreationTimestamp = WholeSecond,
                ManagedFields = [new V1ManagedFieldsEntry { Manager = "m", Time = WithFraction }],
            },
        });

        Assert.Equal("2026-01-02T03:04:05Z", json["metadata"]!["creationTimestamp"]!.GetValue<string>());
        Assert.Equal("2026-01-02T03:04:05.123456Z", json["metadata"]!["managedFields"]![0]!["time"]!.GetValue<string>());
        Assert.Equal("2026-01-02T03:04:05Z", KubernetesTimeFormat.FormatTime(DateTime.SpecifyKind(WholeSecond, DateTimeKind.Unspecified)));
    }

    [Theory]
    [InlineData("2026-01-02T03:04:05Z", 0)]
    [InlineData("2026-01-02T03:04:05.123456Z", 1_234_560)]
    [InlineData("2026-01-02T03:04:05.123456789Z", 1_234_567)]
    [InlineData("2026-01-02T05:04:05.5+02:00", 5_000_000)]
    public void Timestamps_are_read_in_every_RFC_3339_form_as_UTC(string text, long fractionTicks)
    {
        var lease = KubernetesJsonOptions.Deserialize<V1Lease>(Encoding.UTF8.GetBytes($$$"""{"spec":{"renewTime":"{{{text}}}"},"metadata":{"creationTimestamp":"{{{text}}}"}}"""));

        Assert.Equal(WholeSecond.AddTicks(fractionTicks), lease.Spec.RenewTime);
        Assert.Equal(DateTimeKind.Utc, lease.Spec.RenewTime!.Value.Kind);
        Assert.Equal(WholeSecond.AddTicks(fractionTicks), lease.Metadata.CreationTimestamp);
    }

    [Fact]
    public void Names_are_camelCase_nulls_are_left_out_and_bytes_are_base64()
    {
        var json = Write(new V1Secret { ApiVersion = "v1", Kind = "Secret", Metadata = new V1ObjectMeta { Name = "s" }, Data = new Dictionary<string, byte[]> { ["k"] = "value"u8.ToArray() } });

        Assert.Equal("""{"apiVersion":"v1","data":{"k":"dmFsdWU="},"kind":"Secret","metadata":{"name":"s"}}""", json.ToJsonString());
    }

    [Fact]
    public void An_error_Status_is_read()
    {
        var status = KubernetesJsonOptions.Deserialize<V1Status>("""{"kind":"Status","status":"Failure","reason":"Conflict","code":409,"details":{"name":"x"}}"""u8);

        Assert.Equal(409, status.Code);
        Assert.Equal("Conflict", status.Reason);
        Assert.Equal("x", status.Details.Name);
    }

    [Theory]
    [InlineData(typeof(V1Secret))]
    [InlineData(typeof(V1Lease))]
    [InlineData(typeof(Eventsv1Event))]
    [InlineData(typeof(V1Status))]
    [InlineData(typeof(V1ListMeta))]
    public void The_built_in_kinds_the_runtime_uses_have_type_information_of_its_own(Type type)
    {
        // The Native AOT build has no other source for them: KubernetesClient's context is left out on purpose.
        Assert.NotNull(BuiltInJsonContext.WithMicroTimes().GetTypeInfo(type, KubernetesJsonOptions.Options));
    }

    private static JsonNode Write<T>(T value) => JsonNode.Parse(KubernetesJsonOptions.SerializeToUtf8Bytes(value))!;
}
