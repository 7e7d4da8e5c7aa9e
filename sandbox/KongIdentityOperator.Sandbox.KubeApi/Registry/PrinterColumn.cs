namespace KongIdentityOperator.Sandbox.KubeApi.Registry;

/// <summary>A table column: a CRD's <c>additionalPrinterColumns</c> entry, or a built-in's fixed column.</summary>
internal sealed record PrinterColumn(string Name, string Type, string JsonPath, string Description = "", int Priority = 0, string Format = "");
