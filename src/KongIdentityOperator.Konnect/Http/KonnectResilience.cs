using KongIdentityOperator.Konnect.Observability;
using KongIdentityOperator.Konnect.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;

namespace KongIdentityOperator.Konnect.Http;

/// <summary>
/// The resilience pipeline of the Konnect HTTP client, outermost first: total timeout → retry (exponential backoff
/// with jitter, or the server's <c>Retry-After</c>) → client-side rate limiter → attempt observer → per-attempt timeout.
/// All of it runs on the <see cref="TimeProvider"/> from DI, so tests can fake time.
/// </summary>
internal static class KonnectResilience
{
    public const string PipelineName = "konnect";

    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> builder, ResilienceHandlerContext context)
    {
        var services = context.ServiceProvider;
        var options = services.GetRequiredService<IOptions<KonnectClientOptions>>().Value;
        var time = services.GetRequiredService<TimeProvider>();
        var limiter = services.GetRequiredService<KonnectRateLimiter>();
        var observers = services.GetServices<IKonnectCallObserver>().ToArray();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("KongIdentityOperator.Konnect");
        var rules = new RetryRules(options, time);

        builder.TimeProvider = time;
        builder.AddTimeout(options.TotalTimeout);

        // Polly refuses a retry strategy with zero attempts; MaxRetryAttempts = 0 means no retry strategy at all.
        if (options.MaxRetryAttempts > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = options.MaxRetryAttempts,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryBaseDelay,
                MaxDelay = options.RetryMaxDelay,
                ShouldHandle = args => ValueTask.FromResult(
                    rules.ShouldRetry(args.Outcome, args.Context.GetRequestMessage(), args.Context.CancellationToken)),
                DelayGenerator = args => ValueTask.FromResult(rules.ServerDelay(args.Outcome.Result)),
            });
        }

        builder
            // Without options objects: validating them takes reflection over data annotations (not trim-safe), and
            // these two strategies have nothing to validate.
            .AddStrategy(_ => new RateLimitStrategy(limiter, options, time))
            .AddStrategy(_ => new CallObserverStrategy(observers, logger, time))
            .AddTimeout(options.AttemptTimeout);
    }
}
