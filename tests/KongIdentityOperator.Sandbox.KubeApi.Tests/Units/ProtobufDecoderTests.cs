using System.Text;
using KongIdentityOperator.Sandbox.KubeApi.Errors;
using KongIdentityOperator.Sandbox.KubeApi.Protobuf;

namespace KongIdentityOperator.Sandbox.KubeApi.Tests.Units;

public sealed class ProtobufDecoderTests
{
    private static byte[] Field(int number, byte[] payload) => [(byte)((number << 3) | 2), (byte)payload.Length, .. payload];

    private static byte[] Field(int number, string text) => Field(number, Encoding.UTF8.GetBytes(text));

    private static byte[] Entry(int number, string key, string value) => Field(number, [.. Field(1, key), .. Field(2, value)]);

    [Fact]
    public void Decodes_a_secret_envelope_as_kubectl_sends_it()
    {
        var metadata = Field(1, [.. Field(1, "creds"), .. Field(3, "default"), .. Entry(11, "app", "x")]);
        var secret = (byte[])[.. metadata, .. Entry(2, "token", "abc"), .. Field(3, "Opaque")];
        var body = (byte[])[.. "k8s\0"u8.ToArray(), .. Field(1, [.. Field(1, "v1"), .. Field(2, "Secret")]), .. Field(2, secret)];

        var obj = ProtobufDecoder.Decode(body);

        Assert.Equal(
            """{"apiVersion":"v1","kind":"Secret","metadata":{"name":"creds","namespace":"default","labels":{"app":"x"}},"data":{"token":"YWJj"},"type":"Opaque"}""",
            obj.ToJsonString());
    }

    [Fact]
    public void Unsupported_kinds_are_415_and_garbage_is_400()
    {
        var pod = (byte[])[.. "k8s\0"u8.ToArray(), .. Field(1, [.. Field(1, "v1"), .. Field(2, "Pod")]), .. Field(2, [])];

        Assert.Equal(415, Assert.Throws<StatusException>(() => ProtobufDecoder.Decode(pod)).Code);
        Assert.Equal(400, Assert.Throws<StatusException>(() => ProtobufDecoder.Decode("{}"u8)).Code);
        Assert.Equal(400, Assert.Throws<StatusException>(() => ProtobufDecoder.Decode([.. "k8s\0"u8.ToArray(), 0x0A, 0x7F])).Code);
    }
}
