using BenchmarkDotNet.Running;

// Micro-benchmarks of the hot paths: `dotnet run -c Release --project bench/KongIdentityOperator.Benchmarks -- --filter '*'`.
BenchmarkSwitcher.FromAssembly(typeof(KongIdentityOperator.Benchmarks.CacheReadBenchmarks).Assembly).Run(args);
