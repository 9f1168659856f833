using CucThongKe.Contents.Definitions;
using CucThongKe.Core.Data;
using CucThongKe.Users.Identity;
using Microsoft.EntityFrameworkCore;

namespace CucThongKe.Workflows.Definitions;

/// <summary>A problem in a definition: where (a JSON path below the definition, e.g. <c>.Transitions[2].Roles</c>) and what.</summary>
public sealed record WorkflowDefinitionError(string Path, string Message);

/// <summary>Checks a definition before it is saved or run: names, references, roles, reachability, a path to publication.</summary>
public sealed class WorkflowDefinitionValidator(CmsDbContext db, ContentDefinitionManager contentDefinitions, IWorkflowStateOccupancy occupancy)
{
    /// <summary>The shortest reason accepted for turning separation of duties off.</summary>
    public const int MinWaiverLength = 20;

    public async Task<IReadOnlyList<WorkflowDefinitionError>> ValidateAsync(WorkflowDefinition definition, CancellationToken cancellationToken = default)
    {
        var errors = new List<WorkflowDefinitionError>();
        void Add(string path, string message) => errors.Add(new(path, message));

        if (string.IsNullOrWhiteSpace(definition.Name) || !definition.Name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
        {
            Add(".Name", $"tên quy trình '{definition.Name}' chỉ gồm chữ thường không dấu, chữ số và dấu gạch ngang.");
        }

        if (string.IsNullOrWhiteSpace(definition.DisplayName))
        {
            Add(".DisplayName", "thiếu tên hiển thị.");
        }

        var roleNames = await db.Set<CmsRole>().Select(r => r.Name!).ToListAsync(cancellationToken);
        var roles = roleNames.ToHashSet(StringComparer.Ordinal);
        var states = new Dictionary<string, WorkflowState>(StringComparer.Ordinal);
        for (var i = 0; i < definition.States.Count; i++)
        {
            var state = definition.States[i];
            var path = $".States[{i}]";
            if (string.IsNullOrWhiteSpace(state.Name))
            {
                Add(path + ".Name", "thiếu tên trạng thái.");
                continue;
            }

            if (!states.TryAdd(state.Name, state))
            {
                Add(path + ".Name", $"trạng thái '{state.Name}' bị khai báo hai lần.");
            }

            if (string.IsNullOrWhiteSpace(state.DisplayName))
            {
                Add(path + ".DisplayName", $"trạng thái '{state.Name}' thiếu tên hiển thị.");
            }

            if (state.Deadline is { } deadline)
            {
                var kinds = (deadline.Hours is null ? 0 : 1) + (deadline.WorkingDays is null ? 0 : 1) + (deadline.SameDay ? 1 : 0);
                if (kinds != 1)
                {
                    Add(path + ".Deadline", "thời hạn cần đúng một trong Hours, WorkingDays hoặc SameDay.");
                }

                if (deadline.Hours is <= 0 or > 24 * 365 || deadline.WorkingDays is <= 0 or > 365)
                {
                    Add(path + ".Deadline", "thời hạn phải là số dương hợp lý.");
                }

                CheckRoles(deadline.EscalateTo, path + ".Deadline.EscalateTo", roles, Add);
                CheckRoles(deadline.EscalateToUnit, path + ".Deadline.EscalateToUnit", roles, Add);
            }

            for (var a = 0; a < state.Actions.Count; a++)
            {
                var action = state.Actions[a];
                var actionPath = $"{path}.Actions[{a}]";
                CheckRoles(action.Roles, actionPath + ".Roles", roles, Add);
                if (action.Type == WorkflowActionType.Notify && action.Roles.Count == 0 && !action.Author)
                {
                    Add(actionPath, "thông báo cần vai trò nhận (Roles) hoặc tác giả (Author).");
                }

                if (action.Type == WorkflowActionType.Publish && state.Kind != WorkflowStateKind.Published)
                {
                    Add(actionPath + ".Type", $"chỉ trạng thái loại Published mới được đăng nội dung ('{state.Name}' là {state.Kind}).");
                }
            }
        }

        // Items waiting in a state keep it: an edit may not strand them in a state the workflow no longer has.
        var occupied = await occupancy.CountByStateAsync(definition.Name, cancellationToken);
        foreach (var left in occupied.Where(o => !states.ContainsKey(o.State)).OrderBy(o => o.State, StringComparer.Ordinal))
        {
            Add(".States", $"trạng thái '{left.State}' đang có {left.Count} nội dung; không bỏ được trạng thái này.");
        }

        if (states.Count == 0)
        {
            Add(".States", "quy trình cần ít nhất một trạng thái.");
        }

        if (!states.TryGetValue(definition.InitialState ?? "", out var initial))
        {
            Add(".InitialState", $"không có trạng thái '{definition.InitialState}'.");
        }
        else if (initial.Kind != WorkflowStateKind.Draft)
        {
            Add(".InitialState", $"trạng thái đầu '{initial.Name}' phải là loại Draft.");
        }

        if (definition.ChangedAfterApprovalState is { } changed &&
            (!states.TryGetValue(changed, out var changedState) || changedState.Kind != WorkflowStateKind.InReview))
        {
            Add(".ChangedAfterApprovalState", $"'{changed}' phải là một trạng thái chờ duyệt (InReview) của quy trình.");
        }
        else if (definition.ChangedAfterApprovalState is null && states.Values.All(s => s.Kind != WorkflowStateKind.InReview))
        {
            Add(".States", "quy trình cần ít nhất một trạng thái chờ duyệt (InReview).");
        }

        // Separation of duties is the rule; turning it off is a decision someone must write down (it is recorded on every step it allows).
        if (!definition.SeparationOfDuties && (definition.SeparationOfDutiesWaiver?.Trim().Length ?? 0) < MinWaiverLength)
        {
            Add(".SeparationOfDutiesWaiver", $"tắt tách bạch nhiệm vụ (SeparationOfDuties: false) cần ghi rõ lý do, ít nhất {MinWaiverLength} ký tự.");
        }
        else if (definition.SeparationOfDuties && definition.SeparationOfDutiesWaiver is not null)
        {
            Add(".SeparationOfDutiesWaiver", "chỉ ghi lý do khi tắt tách bạch nhiệm vụ (SeparationOfDuties: false).");
        }
        else if (definition.SeparationOfDutiesWaiver?.Length > Instances.WorkflowService.MaxCommentLength / 2)
        {
            Add(".SeparationOfDutiesWaiver", $"lý do dài quá {Instances.WorkflowService.MaxCommentLength / 2} ký tự.");
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < definition.Transitions.Count; i++)
        {
            var transition = definition.Transitions[i];
            var path = $".Transitions[{i}]";
            if (string.IsNullOrWhiteSpace(transition.Name) || !transition.Name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
            {
                Add(path + ".Name", $"tên chuyển bước '{transition.Name}' chỉ gồm chữ thường không dấu, chữ số và dấu gạch ngang.");
            }
            else if (!names.Add(transition.Name))
            {
                Add(path + ".Name", $"chuyển bước '{transition.Name}' bị khai báo hai lần.");
            }

            if (string.IsNullOrWhiteSpace(transition.DisplayName))
            {
                Add(path + ".DisplayName", "thiếu tên hiển thị.");
            }

            if (!states.ContainsKey(transition.From ?? ""))
            {
                Add(path + ".From", $"không có trạng thái '{transition.From}'.");
            }

            if (!states.TryGetValue(transition.To ?? "", out var to))
            {
                Add(path + ".To", $"không có trạng thái '{transition.To}'.");
            }
            else if (to.Kind == WorkflowStateKind.Published && states.TryGetValue(transition.From ?? "", out var from) && from.Kind != WorkflowStateKind.Approved)
            {
                Add(path + ".From", $"chỉ đăng được nội dung đã duyệt: '{transition.From}' không phải trạng thái Approved.");
            }

            if (transition.Roles.Count == 0)
            {
                Add(path + ".Roles", $"chuyển bước '{transition.Name}' chưa có vai trò nào được phép thực hiện.");
            }

            CheckRoles(transition.Roles, path + ".Roles", roles, Add);
        }

        if (initial is not null)
        {
            var reachable = Reachable(definition, initial.Name);
            for (var i = 0; i < definition.States.Count; i++)
            {
                if (!string.IsNullOrWhiteSpace(definition.States[i].Name) && !reachable.Contains(definition.States[i].Name))
                {
                    Add($".States[{i}]", $"không có đường nào từ '{initial.Name}' tới trạng thái '{definition.States[i].Name}'.");
                }
            }

            if (!reachable.Any(s => states.TryGetValue(s, out var state) && state.Kind == WorkflowStateKind.Published))
            {
                Add(".Transitions", $"không có đường nào từ '{initial.Name}' tới một trạng thái đã đăng (Published).");
            }
        }

        for (var i = 0; i < definition.ContentTypes.Count; i++)
        {
            var typeName = definition.ContentTypes[i];
            var type = await contentDefinitions.GetResolvedTypeAsync(typeName, cancellationToken);
            if (type is null)
            {
                Add($".ContentTypes[{i}]", $"không có loại nội dung '{typeName}'.");
            }
            else if (type.WorkflowName() != definition.Name)
            {
                Add($".ContentTypes[{i}]", $"loại nội dung '{typeName}' khai báo quy trình '{type.WorkflowName()}', không phải '{definition.Name}'.");
            }
        }

        return errors;
    }

    private static HashSet<string> Reachable(WorkflowDefinition definition, string start)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal) { start };
        var queue = new Queue<string>([start]);
        while (queue.TryDequeue(out var state))
        {
            foreach (var transition in definition.Transitions.Where(t => t.From == state && t.To is not null))
            {
                if (seen.Add(transition.To))
                {
                    queue.Enqueue(transition.To);
                }
            }
        }

        return seen;
    }

    private static void CheckRoles(List<string> names, string path, HashSet<string> roles, Action<string, string> add)
    {
        for (var r = 0; r < names.Count; r++)
        {
            if (!roles.Contains(names[r]))
            {
                add($"{path}[{r}]", $"không có vai trò '{names[r]}'.");
            }
        }
    }
}
