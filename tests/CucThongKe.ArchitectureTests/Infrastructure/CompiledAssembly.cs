using Mono.Cecil;
using Mono.Cecil.Cil;

namespace CucThongKe.ArchitectureTests.Infrastructure;

/// <summary>One use of a type by a type of the assembly read (the user is the outermost type: lambdas, iterators and
/// nested classes count for the type that declares them).</summary>
/// <param name="From">The using type's full name.</param>
/// <param name="To">The used type's full name (outermost type, generic arity kept: <c>DbSet`1</c>).</param>
/// <param name="ToAssembly">The assembly that defines the used type.</param>
internal sealed record TypeUse(string From, string FromNamespace, string To, string ToNamespace, string ToAssembly);

/// <summary>A named type or member declared in the assembly read.</summary>
/// <param name="Name">"Type" or "Type.Member".</param>
internal sealed record Declaration(string Name, string Namespace, string SimpleName);

/// <summary>
/// A compiled assembly read with Mono.Cecil, without loading it: the assemblies it references, the types and members it
/// declares, and every type each of its types uses: base types, interfaces, attributes, fields, properties, signatures,
/// local variables and the types and members named by the instructions of method bodies (so a use hidden in a method
/// body counts as much as one in a signature). Compiled Razor views are in the same assembly and are read too.
/// </summary>
internal sealed class CompiledAssembly
{
    private CompiledAssembly(string name, IReadOnlyList<string> references, IReadOnlyList<Declaration> declarations, IReadOnlyList<TypeUse> uses, IReadOnlyList<(string Type, string BaseType)> baseTypes)
    {
        Name = name;
        AssemblyReferences = references;
        Declarations = declarations;
        Uses = uses;
        BaseTypes = baseTypes;
    }

    public string Name { get; }

    /// <summary>The names of the assemblies this one references (only those its code actually uses are recorded by the compiler).</summary>
    public IReadOnlyList<string> AssemblyReferences { get; }

    public IReadOnlyList<Declaration> Declarations { get; }

    public IReadOnlyList<TypeUse> Uses { get; }

    /// <summary>Each declared outermost type with its direct base type's full name.</summary>
    public IReadOnlyList<(string Type, string BaseType)> BaseTypes { get; }

    public static CompiledAssembly Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path} does not exist: is the project referenced by the host (CucThongKe.Web) and built?", path);
        }

        using var assembly = AssemblyDefinition.ReadAssembly(path, new ReaderParameters { ReadingMode = ReadingMode.Deferred });
        var module = assembly.MainModule;
        var name = assembly.Name.Name;
        var uses = new HashSet<TypeUse>();
        var declarations = new List<Declaration>();
        var baseTypes = new List<(string, string)>();

        foreach (var type in module.GetTypes())
        {
            var owner = Outermost(type);
            var collector = new Collector(owner, name, uses);
            if (type == owner && type.BaseType is not null)
            {
                baseTypes.Add((type.FullName, type.BaseType.FullName));
            }

            if (!IsCompilerGenerated(type.Name))
            {
                declarations.Add(new Declaration(type.FullName.Replace('/', '.'), owner.Namespace, type.Name));
            }

            collector.Add(type.BaseType);
            foreach (var implemented in type.Interfaces)
            {
                collector.Add(implemented.InterfaceType);
            }

            collector.Add(type.CustomAttributes);
            collector.Add(type.GenericParameters);
            foreach (var field in type.Fields)
            {
                Declare(declarations, type, owner, field.Name);
                collector.Add(field.FieldType);
                collector.Add(field.CustomAttributes);
            }

            foreach (var property in type.Properties)
            {
                Declare(declarations, type, owner, property.Name);
                collector.Add(property.PropertyType);
                collector.Add(property.CustomAttributes);
            }

            foreach (var @event in type.Events)
            {
                Declare(declarations, type, owner, @event.Name);
                collector.Add(@event.EventType);
            }

            foreach (var method in type.Methods)
            {
                if (!method.IsGetter && !method.IsSetter && !method.IsAddOn && !method.IsRemoveOn && !method.IsConstructor)
                {
                    Declare(declarations, type, owner, method.Name);
                }

                collector.Add(method.ReturnType);
                collector.Add(method.CustomAttributes);
                collector.Add(method.GenericParameters);
                foreach (var parameter in method.Parameters)
                {
                    collector.Add(parameter.ParameterType);
                    collector.Add(parameter.CustomAttributes);
                }

                if (method.HasBody)
                {
                    foreach (var variable in method.Body.Variables)
                    {
                        collector.Add(variable.VariableType);
                    }

                    foreach (var handler in method.Body.ExceptionHandlers)
                    {
                        collector.Add(handler.CatchType);
                    }

                    foreach (var instruction in method.Body.Instructions)
                    {
                        collector.Add(instruction);
                    }
                }
            }
        }

        var references = module.AssemblyReferences.Select(r => r.Name).Order(StringComparer.Ordinal).ToList();
        return new CompiledAssembly(name, references, declarations, uses.ToList(), baseTypes);
    }

    /// <summary>Names the compiler makes up (<c>&lt;&gt;c__DisplayClass</c>, backing fields, state machines) say nothing the source did not.</summary>
    private static bool IsCompilerGenerated(string name) => name.Contains('<', StringComparison.Ordinal);

    private static void Declare(List<Declaration> declarations, TypeDefinition type, TypeDefinition owner, string member)
    {
        if (!IsCompilerGenerated(member) && !IsCompilerGenerated(type.FullName))
        {
            declarations.Add(new Declaration(type.FullName.Replace('/', '.') + "." + member, owner.Namespace, member));
        }
    }

    private static TypeDefinition Outermost(TypeDefinition type)
    {
        while (type.DeclaringType is not null)
        {
            type = type.DeclaringType;
        }

        return type;
    }

    private sealed class Collector(TypeDefinition owner, string assemblyName, HashSet<TypeUse> uses)
    {
        public void Add(Instruction instruction)
        {
            switch (instruction.Operand)
            {
                case TypeReference type:
                    Add(type);
                    break;
                case MethodReference method:
                    Add(method.DeclaringType);
                    Add(method.ReturnType);
                    foreach (var parameter in method.Parameters)
                    {
                        Add(parameter.ParameterType);
                    }

                    if (method is GenericInstanceMethod generic)
                    {
                        foreach (var argument in generic.GenericArguments)
                        {
                            Add(argument);
                        }
                    }

                    break;
                case FieldReference field:
                    Add(field.DeclaringType);
                    Add(field.FieldType);
                    break;
            }
        }

        public void Add(IEnumerable<CustomAttribute> attributes)
        {
            foreach (var attribute in attributes)
            {
                Add(attribute.AttributeType);
                foreach (var argument in attribute.ConstructorArguments.Concat(attribute.Properties.Select(p => p.Argument)))
                {
                    if (argument.Value is TypeReference type)
                    {
                        Add(type);
                    }
                }
            }
        }

        public void Add(IEnumerable<GenericParameter> parameters)
        {
            foreach (var parameter in parameters)
            {
                foreach (var constraint in parameter.Constraints)
                {
                    Add(constraint.ConstraintType);
                }
            }
        }

        public void Add(TypeReference? type)
        {
            switch (type)
            {
                case null or GenericParameter:
                    return;
                case GenericInstanceType generic:
                    Add(generic.ElementType);
                    foreach (var argument in generic.GenericArguments)
                    {
                        Add(argument);
                    }

                    return;
                case FunctionPointerType:
                    return;
                case TypeSpecification specification:
                    Add(specification.ElementType);
                    return;
            }

            while (type.DeclaringType is not null)
            {
                type = type.DeclaringType;
            }

            var scope = type.Scope switch
            {
                ModuleDefinition module => module.Assembly.Name.Name,
                AssemblyNameReference reference => reference.Name,
                _ => type.Scope?.Name ?? "",
            };
            if (type.FullName != owner.FullName)
            {
                uses.Add(new TypeUse(owner.FullName, owner.Namespace, type.FullName, type.Namespace, scope == "" ? assemblyName : scope));
            }
        }
    }
}
