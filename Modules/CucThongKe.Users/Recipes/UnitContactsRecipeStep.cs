using CucThongKe.Core.Recipes;
using CucThongKe.Users.Units;
using Microsoft.EntityFrameworkCore;

namespace CucThongKe.Users.Recipes;

/// <summary>The <c>UnitContacts</c> step: fills the contacts of units that exist (address, phone, e-mail, the head's name,
/// e-mail and phone) without restating the tree, so that a recipe run after the setup recipe (the demo) completes what the
/// setup recipe could not know. Only the fields given are written; an unknown unit stops the recipe.</summary>
internal sealed class UnitContactsRecipeStep(Core.Data.CmsDbContext db) : IRecipeStep
{
    public string Name => "UnitContacts";

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken cancellationToken)
    {
        var model = context.Read<StepModel>();
        for (var i = 0; i < model.Units.Count; i++)
        {
            var input = model.Units[i];
            var unit = await db.Set<Unit>().FirstOrDefaultAsync(u => u.Id == input.Id, cancellationToken)
                ?? throw context.Error($".Units[{i}].Id", $"không có đơn vị '{input.Id}'.");
            unit.Address = input.Address ?? unit.Address;
            unit.Phone = input.Phone ?? unit.Phone;
            unit.Email = input.Email ?? unit.Email;
            unit.HeadName = input.HeadName ?? unit.HeadName;
            unit.HeadEmail = input.HeadEmail ?? unit.HeadEmail;
            unit.HeadPhone = input.HeadPhone ?? unit.HeadPhone;
        }
    }

    private sealed record StepModel(List<ContactModel> Units);

    private sealed class ContactModel
    {
        public required string Id { get; init; }

        public string? Address { get; init; }

        public string? Phone { get; init; }

        public string? Email { get; init; }

        public string? HeadName { get; init; }

        public string? HeadEmail { get; init; }

        public string? HeadPhone { get; init; }
    }
}
