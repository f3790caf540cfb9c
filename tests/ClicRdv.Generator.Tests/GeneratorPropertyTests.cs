using ClicRdv.Generator.Tests.PropertyBased;
using Xunit;

namespace ClicRdv.Generator.Tests;

/// <summary>
/// Property-based tests: hundreds of documents, generated or made by breaking real ones, each of which the generator
/// must handle without throwing or hanging, with either a located CRDV error or code that compiles cleanly and sends
/// every name as the document spells it. The cases are the same on every run; PropertyBased/CaseRunner.cs says how to
/// replay one or look for new ones. Failures found this way are kept as plain tests in RobustnessRegressionTests.
/// </summary>
public sealed class GeneratorPropertyTests
{
    /// <summary>Cases per run, chosen so that the class runs in about a minute and a half on two cores (each case compiles its code).</summary>
    public const int GeneratedDocumentCases = 120;

    public const int MutatedDocumentCases = 120;

    public const int MutatedYamlDocumentCases = 40;

    public const int PolymorphicDocumentCases = 30;

    [Fact]
    public void Generated_documents_get_a_located_error_or_code_that_compiles_and_keeps_every_wire_name()
    {
        CaseRunner.Run(DocumentGenerator.Documents, GeneratedDocumentCases, spec =>
        {
            var document = DocumentRenderer.Render(spec);
            var run = GeneratorProperties.Check(document.Text, spec.ClosedEnums);
            if (run.DocumentSources.Count > 0)
            {
                WireNameChecks.Check(run, document.Expected);
            }
        });
    }

    [Fact]
    public void Generated_hierarchies_and_unions_read_and_write_every_class_and_variant_by_the_wire_alone()
    {
        CaseRunner.Run(PolymorphismGenerator.Documents, PolymorphicDocumentCases, spec =>
        {
            var document = PolymorphismRenderer.Render(spec);
            var run = GeneratorProperties.Check(document.Text);
            PolymorphismChecks.Check(run, document);
        });
    }

    [Fact]
    public void Broken_real_documents_get_a_located_error_or_code_that_compiles()
    {
        CaseRunner.Run(DocumentMutator.Mutations, MutatedDocumentCases, mutated => GeneratorProperties.Check(mutated.Text));
    }

    [Fact]
    public void Broken_real_documents_written_in_yaml_get_a_located_error_or_code_that_compiles()
    {
        CaseRunner.Run(DocumentMutator.YamlMutations, MutatedYamlDocumentCases, mutated => GeneratorProperties.Check(mutated.Text, documentPath: GeneratorProperties.YamlDocumentPath));
    }
}
