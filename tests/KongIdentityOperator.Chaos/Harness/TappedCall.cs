namespace KongIdentityOperator.Chaos.Harness;

/// <summary>One call through an <see cref="HttpTap"/>. <paramref name="Token"/> is a fingerprint, never the token itself.</summary>
internal sealed record TappedCall(DateTimeOffset At, string Method, string Path, string Query, string Token, int Status, TimeSpan Duration)
{
    public bool IsWrite => Method is not ("GET" or "HEAD");
}
