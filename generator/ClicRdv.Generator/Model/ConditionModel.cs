namespace ClicRdv.Generator.Model;

/// <summary>
/// The typed factories of a condition contract (<c>x-condition</c>): one static method per operator of its operator
/// enum, each building a condition from a field and a value written as the API reads it, checked before anything is
/// sent.
/// </summary>
/// <param name="ContractName">The condition class, a partial class the factories are added to.</param>
/// <param name="FieldProperty">The C# property that takes the field's name.</param>
/// <param name="FieldMaxLength">The field's <c>maxLength</c>, if the schema gives one.</param>
/// <param name="OperatorProperty">The C# property that takes the operator.</param>
/// <param name="OperatorType">The operator enum (an open struct or a C# enum: both name their values alike).</param>
/// <param name="ValueProperty">The C# property that takes the value, as text.</param>
/// <param name="ValueMaxLength">The value's <c>maxLength</c>, if the schema gives one.</param>
/// <param name="ListSeparator">What a list operator's items are joined with.</param>
/// <param name="DateTimeFormat">The .NET format a <c>DateTime</c> value is written in (the document's <c>x-date-time-format</c>, or ISO 8601).</param>
/// <param name="Factories">One per operator, in the enum's order.</param>
internal sealed record ConditionModel(
    string ContractName,
    string FieldProperty,
    int? FieldMaxLength,
    string OperatorProperty,
    string OperatorType,
    string ValueProperty,
    int? ValueMaxLength,
    string ListSeparator,
    string DateTimeFormat,
    EquatableArray<ConditionFactoryModel> Factories);

/// <param name="MethodName">The factory's name: the operator's enum member name, unless a member of the class has it.</param>
/// <param name="OperatorMember">The operator enum's member.</param>
/// <param name="WireValue">The operator as sent (<c>&gt;=</c>, <c>not in</c>), for the documentation.</param>
/// <param name="IsList">Whether the operator takes a list of values, joined with the separator.</param>
internal sealed record ConditionFactoryModel(string MethodName, string OperatorMember, string WireValue, bool IsList);
