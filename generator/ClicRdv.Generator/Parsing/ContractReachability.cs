using System;
using System.Collections.Generic;
using System.Linq;
using ClicRdv.Generator.Model;

namespace ClicRdv.Generator.Parsing;

/// <summary>
/// Leaves out of a model the contracts that none of its operations reaches, when options select some operations
/// only: a contract is kept when an operation's parameters, body, form fields or answers (errors included) name it,
/// or when a kept contract does through a property, its base class, a descendant of its hierarchy or a union
/// variant. The converters only left-out contracts used go with them, and so do a left-out condition's factories.
/// </summary>
internal static class ContractReachability
{
    public static DocumentModel KeepReachable(DocumentModel model, IEnumerable<TypeRef> answerTypes)
    {
        var contracts = model.Contracts.ToDictionary(contract => contract.Name, StringComparer.Ordinal);
        var kept = new HashSet<string>(StringComparer.Ordinal);
        var converters = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>();

        void Visit(TypeRef? type)
        {
            for (var current = type; current is not null; current = current.Element)
            {
                if (current.Converter is not null)
                {
                    converters.Add(current.Converter);
                }

                if (current.Kind is TypeKind.Contract or TypeKind.StringEnum or TypeKind.IntegerEnum)
                {
                    pending.Push(current.Name);
                }
            }
        }

        void VisitProperty(PropertyModel property)
        {
            Visit(property.Type);
            if (property.LenientConverter is not null)
            {
                converters.Add(property.LenientConverter);
            }
        }

        foreach (var operation in model.Interfaces.SelectMany(api => api.Operations))
        {
            Visit(operation.Response.Type);
            foreach (var error in operation.Errors)
            {
                Visit(error.Type);
            }

            foreach (var parameter in operation.Parameters)
            {
                Visit(parameter.Type);
                foreach (var field in parameter.Fields)
                {
                    VisitProperty(field);
                }
            }
        }

        foreach (var answer in answerTypes)
        {
            Visit(answer);
        }

        while (pending.Count > 0)
        {
            var name = pending.Pop();
            if (!kept.Add(name) || !contracts.TryGetValue(name, out var contract))
            {
                continue;
            }

            foreach (var property in contract.Properties)
            {
                VisitProperty(property);
            }

            foreach (var variant in contract.Variants)
            {
                Visit(variant.Type);
            }

            foreach (var descendant in contract.Discriminator?.Cases ?? Enumerable.Empty<DiscriminatorCase>())
            {
                pending.Push(descendant.TypeName);
            }

            if (contract.BaseTypeName is not null)
            {
                pending.Push(contract.BaseTypeName);
            }
        }

        return model with
        {
            Contracts = model.Contracts.Where(contract => kept.Contains(contract.Name)).ToEquatableArray(),
            DateTimeFormats = model.DateTimeFormats.Where(format => converters.Contains(format.ConverterName)).ToEquatableArray(),
            LenientConverters = model.LenientConverters.Where(converter => converters.Contains(converter.ConverterName)).ToEquatableArray(),
            Conditions = model.Conditions.Where(condition => kept.Contains(condition.ContractName)).ToEquatableArray(),
        };
    }
}
