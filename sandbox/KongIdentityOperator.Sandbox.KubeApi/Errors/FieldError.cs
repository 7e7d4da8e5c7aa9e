namespace KongIdentityOperator.Sandbox.KubeApi.Errors;

/// <summary>
/// One validation failure on a field, rendered like apimachinery's <c>field.Error</c>:
/// <c>"spec.size: Invalid value: 99: spec.size in body should be less than or equal to 10"</c>.
/// </summary>
/// <param name="Type">The cause reason, e.g. <c>FieldValueInvalid</c>, <c>FieldValueRequired</c>.</param>
/// <param name="Field">The field path, e.g. <c>spec.size</c>.</param>
/// <param name="Body">The text after the field path, e.g. <c>Invalid value: 99: ...</c>.</param>
internal sealed record FieldError(string Type, string Field, string Body)
{
    public const string Invalid = "FieldValueInvalid";
    public const string Required = "FieldValueRequired";
    public const string NotSupported = "FieldValueNotSupported";
    public const string Forbidden = "FieldValueForbidden";
    public const string TooLong = "FieldValueTooLong";
    public const string TooMany = "FieldValueTooMany";
    public const string Duplicate = "FieldValueDuplicate";
    public const string TypeInvalid = "FieldValueTypeInvalid";

    public override string ToString() => Field.Length == 0 ? Body : $"{Field}: {Body}";

    public StatusCause ToCause() => new(Type, Body, Field);
}
